"""Forms: what a model fills, and how its answer becomes a draft of rounds (see extractor.forms.base)."""
