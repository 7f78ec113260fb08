"""diplograph: political events, actors and claims from news text, with evidence."""
__version__ = "0.1.0"
