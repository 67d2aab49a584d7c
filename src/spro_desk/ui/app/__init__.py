"""The application shell: start, main window, screen registry, language, styles, safety duties."""
