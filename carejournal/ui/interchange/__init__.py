"""File import and export in the window: File › Import… and File › Export…."""
