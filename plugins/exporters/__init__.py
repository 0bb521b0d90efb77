"""Built-in exporters: the commitment model -> one output format each."""
