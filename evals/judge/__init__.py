"""Fitting the round judge (extractor.forms.roles.judge) on rounds the pipeline predicted for dev articles."""
