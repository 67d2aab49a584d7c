"""Pieces of the site dashboard: the activity figures and the bar chart that draws them."""
