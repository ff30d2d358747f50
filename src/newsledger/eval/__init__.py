"""Evaluation: scorers and runners behind ``newsledger eval``."""
