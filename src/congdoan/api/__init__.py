"""The REST API (/api/v1/): Django REST framework views and serializers over the services the
pages call, personal access tokens, the OpenAPI schema and its documentation page."""
