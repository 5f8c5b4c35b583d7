"""NLP layer: one spaCy pipeline per process, sentences and named entities for every article, corrected by the knowledge base."""
from .analyse import Analysis, Ent, analyse, analyse_texts
from .load import load_pipeline, resolve_model_name

__all__ = ["Analysis", "Ent", "analyse", "analyse_texts", "load_pipeline", "resolve_model_name"]
