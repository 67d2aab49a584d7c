"""Widgets and models of the « Accueil » screen: recording a contact from the keyboard."""
