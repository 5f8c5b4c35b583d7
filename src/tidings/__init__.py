"""tidings: raw news from many outlets in, a checkable record of who did what to whom, when and where out."""
__version__ = "0.1.0"

from .api import Corpus, open

__all__ = ["Corpus", "__version__", "open"]
