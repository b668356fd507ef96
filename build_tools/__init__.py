"""Build side of the Follow-Up Guide: Markdown in, static site with widgets out.

The path of the data: ``widget_fences`` finds and checks the widget fences in a
page's Markdown, ``widget_html`` renders each widget's static HTML, and
``runtime_assets`` puts the page runtime, the pinned Pyodide and the widgets'
wheel into the built site. ``mkdocs_hooks`` is the only module that knows the
MkDocs API; ``build`` is the staged build behind ``make build``.
"""
