"""Reflect's Streamlit app: `app.py` is the script `reflect ui` runs; `views/` holds its pages."""
