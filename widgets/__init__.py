"""Widget logic of the Follow-Up Guide.

Plain Python, no browser imports: each widget is a sub-package with its rules
(``logic.py``), its declaration (``__init__.py``: name, options, view) and the
server-rendered form (``template.html``). The same code renders the static
page at build time on CPython and runs live in the reader's browser under
Pyodide, called through ``widgets.binding``.
"""
