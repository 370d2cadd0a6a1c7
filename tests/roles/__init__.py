"""The small-model roles path, tested along its seams: names, cues, assembly."""
