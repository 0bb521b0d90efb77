"""A plugin that fails to import."""

raise RuntimeError("the plugin's configuration file is missing")
