"""NLP: the spaCy pipeline and the extractors that turn a parsed article into records."""
