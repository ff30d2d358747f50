"""Attribution: a trained tagger for content/source/cue spans (PolNeAR), linked over the parse."""
