"""Built-in readers: bytes of one input format -> text blocks."""
