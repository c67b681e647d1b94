"""Demo content for trying the platform, loaded from the coalition's own documents."""
