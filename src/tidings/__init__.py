"""tidings: raw news from many outlets in, a checkable record of who did what to whom, when and where out."""
__version__ = "0.1.0"

from .api import Corpus, open  # noqa: E402,A004

__all__ = ["Corpus", "open", "__version__"]
