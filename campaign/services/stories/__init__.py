"""Personal stories: the storyteller's side, moderation, retention."""
