"""Escape patterns shared by several rules: questions built on the package model."""
