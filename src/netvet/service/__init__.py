"""The service (`netvet serve`): a second adapter over the functions the CLI calls.

`app.create_app` builds the FastAPI app (`/api` JSON with bearer tokens and roles, the dashboard
under `/`); `tokens`, `audit` and `webhooks` hold the service's state in the store and import
neither FastAPI nor Uvicorn, so the CLI can manage them without loading a web stack.
"""
