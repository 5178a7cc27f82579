"""Small widgets the wizard and windows share: status lists, explanation cards, certificate view."""
