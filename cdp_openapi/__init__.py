"""What the kit's parts share about reading an OpenAPI document: one `$ref` resolver (`cdp_openapi.refs`).

Standard library only, so the sandbox, the contract suite and the scripts (which run without the kit's
dependencies) all import it; it holds no rule of the API, only how a JSON pointer is followed.
"""
