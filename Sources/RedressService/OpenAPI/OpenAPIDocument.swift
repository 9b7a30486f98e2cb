/// The OpenAPI 3.1 document of the service, served at `/openapi.json`.
///
/// Tests keep it true: every route the router has is documented and every
/// documented operation is routed, and every answer the tests see has a
/// status and a body the document allows.
public enum OpenAPIDocument {
    public static let json = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "Redress",
    "version": "1",
    "summary": "Ombudsman complaint and remedy case tracker.",
    "description": "Public intake and status for complainants, and case work for staff with bearer tokens issued by 'redress staff token create'. Every error answer is JSON: {\"error\": {\"status\", \"code\", \"message\"}}."
  },
  "servers": [{"url": "/"}],
  "paths": {
    "/healthz": {
      "get": {
        "operationId": "health",
        "summary": "The process answers.",
        "responses": {
          "200": {"description": "Alive.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Status"}}}}
        }
      }
    },
    "/readyz": {
      "get": {
        "operationId": "readiness",
        "summary": "The database answers too.",
        "responses": {
          "200": {"description": "Ready.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Status"}}}},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/metrics": {
      "get": {
        "operationId": "metrics",
        "summary": "Request counts, latencies and pool usage in the Prometheus text format.",
        "responses": {
          "200": {"description": "Prometheus text format 0.0.4.", "content": {"text/plain": {"schema": {"type": "string"}}}}
        }
      }
    },
    "/openapi.json": {
      "get": {
        "operationId": "document",
        "summary": "This document.",
        "responses": {
          "200": {"description": "The OpenAPI document.", "content": {"application/json": {"schema": {"type": "object"}}}}
        }
      }
    }
  },
  "components": {
    "schemas": {
      "Status": {
        "type": "object",
        "required": ["status"],
        "properties": {"status": {"type": "string"}}
      },
      "Error": {
        "type": "object",
        "required": ["error"],
        "additionalProperties": false,
        "properties": {
          "error": {
            "type": "object",
            "required": ["status", "code", "message"],
            "additionalProperties": false,
            "properties": {
              "status": {"type": "integer"},
              "code": {"type": "string", "enum": ["malformed", "unauthorized", "forbidden", "not_found", "method_not_allowed", "conflict", "too_large", "refused", "rate_limited", "database_unavailable", "unavailable", "internal", "error"]},
              "message": {"type": "string"}
            }
          }
        }
      }
    },
    "responses": {
      "Malformed": {"description": "The request could not be read: bad JSON, a missing or unknown field, a bad value.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "Unauthorized": {"description": "No bearer token, or one that is unknown, revoked or expired.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "Forbidden": {"description": "The token's staff member has no role that may do this.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "NotFound": {"description": "No such case.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "Conflict": {"description": "Someone else changed the case at the same moment, or expect_version is stale: read it again and retry.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "TooLarge": {"description": "The body is over 64 KiB.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "Refused": {"description": "Well-formed, but refused by the rules (an illegal move, a missing approval, a limit).", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "RateLimited": {"description": "Too many requests from this client; see Retry-After.", "headers": {"Retry-After": {"schema": {"type": "integer"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "Unavailable": {"description": "The database is not reachable now; see Retry-After.", "headers": {"Retry-After": {"schema": {"type": "integer"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    },
    "securitySchemes": {
      "staffToken": {"type": "http", "scheme": "bearer", "description": "A staff token from 'redress staff token create LOGIN'."}
    }
  }
}
"""#
}
