"""The LLM prompt pipeline over any OpenAI-compatible endpoint."""
