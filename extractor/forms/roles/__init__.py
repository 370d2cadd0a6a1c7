"""The small-model path: candidate spans, the roles form, choice decoding and round assembly."""

from extractor.forms.roles.form import RolesForm

__all__ = ["RolesForm"]
