"""Trained models shipped with foiclassify (installed as the package ``foiclassify.models``)."""
