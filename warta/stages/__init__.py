"""One module per pipeline stage; see ``warta.pipeline.REGISTRY`` for the order."""
