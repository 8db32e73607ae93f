"""The desktop application (the only package that imports PySide6; widgets hold no rules)."""
