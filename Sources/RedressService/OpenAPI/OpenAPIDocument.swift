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
    "description": "Public intake and status for complainants, and case work for staff with bearer tokens issued by 'redress staff token create'. Staff answers use the same JSON as the CLI's --format json, with the same roles, redaction and audit. Every error answer is JSON: {\"error\": {\"status\", \"code\", \"message\"}}."
  },
  "servers": [
    {
      "url": "/"
    }
  ],
  "tags": [
    {
      "name": "public",
      "description": "For complainants and the public web form."
    },
    {
      "name": "staff",
      "description": "For staff, with a bearer token."
    },
    {
      "name": "operations",
      "description": "For operators and monitoring."
    }
  ],
  "paths": {
    "/healthz": {
      "get": {
        "operationId": "health",
        "summary": "The process answers.",
        "tags": [
          "operations"
        ],
        "responses": {
          "200": {
            "description": "Alive.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Status"
                }
              }
            }
          }
        }
      }
    },
    "/readyz": {
      "get": {
        "operationId": "readiness",
        "summary": "The database answers too.",
        "tags": [
          "operations"
        ],
        "responses": {
          "200": {
            "description": "Ready.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Status"
                }
              }
            }
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/metrics": {
      "get": {
        "operationId": "metrics",
        "summary": "Request counts and latencies by route and status, and pool usage, in the Prometheus text format.",
        "tags": [
          "operations"
        ],
        "responses": {
          "200": {
            "description": "Prometheus text format 0.0.4.",
            "content": {
              "text/plain": {
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        }
      }
    },
    "/openapi.json": {
      "get": {
        "operationId": "document",
        "summary": "This document.",
        "tags": [
          "operations"
        ],
        "responses": {
          "200": {
            "description": "The OpenAPI document.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          }
        }
      }
    },
    "/v1/complaints": {
      "post": {
        "operationId": "submitComplaint",
        "summary": "Register a complaint (public intake).",
        "tags": [
          "public"
        ],
        "description": "Validated as 'redress case open' validates; received now, over the web channel. The answer carries the case reference and a status token, shown only this once. Bodies over 64 KiB get 413; each client may send a limited number of public requests a minute (429 with Retry-After beyond).",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/Complaint"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Registered.",
            "headers": {
              "Location": {
                "description": "The status URL.",
                "schema": {
                  "type": "string"
                }
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ComplaintReceipt"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Malformed"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          },
          "422": {
            "$ref": "#/components/responses/Refused"
          },
          "429": {
            "$ref": "#/components/responses/RateLimited"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/v1/complaints/{reference}/status": {
      "get": {
        "operationId": "complaintStatus",
        "summary": "What the complainant may see of their case.",
        "tags": [
          "public"
        ],
        "description": "Its stage, outcome and deadlines; never names, notes, the assignee or anything said in mediation. Needs the status token given at intake.",
        "parameters": [
          {
            "name": "reference",
            "in": "path",
            "required": true,
            "description": "A case reference, PREFIX-YYYY-NNNNNN.",
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9]{1,16}-[0-9]{4}-[0-9]{6}$",
              "examples": [
                "HRC-2026-000001"
              ]
            }
          },
          {
            "name": "Redress-Status-Token",
            "in": "header",
            "required": true,
            "description": "The status token given at intake.",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The status.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ComplaintStatus"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Malformed"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "429": {
            "$ref": "#/components/responses/RateLimited"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/v1/cases": {
      "get": {
        "operationId": "listCases",
        "summary": "List cases, with the filters of 'redress case list'.",
        "tags": [
          "staff"
        ],
        "security": [
          {
            "staffToken": []
          }
        ],
        "description": "As 'case list --format json'. At most 'limit' cases (default 100, at most 1000), by reference. Listing a confidential case is audited.",
        "parameters": [
          {
            "name": "state",
            "in": "query",
            "schema": {
              "type": "string",
              "enum": [
                "received",
                "triage",
                "awaiting_info",
                "early_resolution",
                "mediation",
                "investigation",
                "on_hold",
                "arbitration",
                "decided",
                "remedy",
                "closed"
              ]
            }
          },
          {
            "name": "assignee",
            "in": "query",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "respondent",
            "in": "query",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "category",
            "in": "query",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "breached",
            "in": "query",
            "description": "Only cases with a clock past its due date.",
            "schema": {
              "type": "boolean"
            }
          },
          {
            "name": "due_within",
            "in": "query",
            "description": "Only cases with a clock due within N working days.",
            "schema": {
              "type": "integer",
              "minimum": 0,
              "maximum": 10000
            }
          },
          {
            "name": "paused",
            "in": "query",
            "description": "Only cases with a paused clock.",
            "schema": {
              "type": "boolean"
            }
          },
          {
            "name": "as_of",
            "in": "query",
            "required": false,
            "description": "Take clock statuses as of this date (default: today, office time).",
            "schema": {
              "type": "string",
              "format": "date"
            }
          },
          {
            "name": "limit",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 1000
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The cases.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/CaseSummary"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Malformed"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/v1/cases/{reference}": {
      "get": {
        "operationId": "showCase",
        "summary": "A case, as 'case show --format json'.",
        "tags": [
          "staff"
        ],
        "security": [
          {
            "staffToken": []
          }
        ],
        "description": "Complainant identity is redacted unless the token's staff member is the assignee, a supervisor or the ombudsperson. Reading a confidential case is audited.",
        "parameters": [
          {
            "name": "reference",
            "in": "path",
            "required": true,
            "description": "A case reference, PREFIX-YYYY-NNNNNN.",
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9]{1,16}-[0-9]{4}-[0-9]{6}$",
              "examples": [
                "HRC-2026-000001"
              ]
            }
          },
          {
            "name": "as_of",
            "in": "query",
            "required": false,
            "description": "Take clock statuses as of this date (default: today, office time).",
            "schema": {
              "type": "string",
              "format": "date"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The case.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Case"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Malformed"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/v1/cases/{reference}/explain": {
      "get": {
        "operationId": "explainCase",
        "summary": "How each clock's due date was worked out, as 'case explain --format json'.",
        "tags": [
          "staff"
        ],
        "security": [
          {
            "staffToken": []
          }
        ],
        "parameters": [
          {
            "name": "reference",
            "in": "path",
            "required": true,
            "description": "A case reference, PREFIX-YYYY-NNNNNN.",
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9]{1,16}-[0-9]{4}-[0-9]{6}$",
              "examples": [
                "HRC-2026-000001"
              ]
            }
          },
          {
            "name": "clock",
            "in": "query",
            "description": "Explain only this clock (its latest).",
            "schema": {
              "type": "string",
              "enum": [
                "acknowledge",
                "triage",
                "info_response",
                "early_resolution",
                "mediation_acceptance",
                "mediation",
                "respondent_response",
                "investigation",
                "arbitration_award",
                "arbitration_overall",
                "respondent_reply",
                "remedy",
                "verification",
                "parallel_review",
                "complainant_update"
              ]
            }
          },
          {
            "name": "as_of",
            "in": "query",
            "required": false,
            "description": "Take clock statuses as of this date (default: today, office time).",
            "schema": {
              "type": "string",
              "format": "date"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "One explanation per clock.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/Explanation"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Malformed"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/v1/cases/{reference}/history": {
      "get": {
        "operationId": "caseHistory",
        "summary": "The case's audit events, oldest first, as 'case history --format json'.",
        "tags": [
          "staff"
        ],
        "security": [
          {
            "staffToken": []
          }
        ],
        "parameters": [
          {
            "name": "reference",
            "in": "path",
            "required": true,
            "description": "A case reference, PREFIX-YYYY-NNNNNN.",
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9]{1,16}-[0-9]{4}-[0-9]{6}$",
              "examples": [
                "HRC-2026-000001"
              ]
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The events.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/AuditEvent"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Malformed"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/v1/cases/{reference}/moves": {
      "post": {
        "operationId": "moveCase",
        "summary": "Move a case to another state, as 'case move'.",
        "description": "Needs a role that may change cases (caseworker, supervisor, ombudsperson; reopening: supervisor or ombudsperson): others get 403. An illegal move gets 422 naming the allowed ones.",
        "tags": [
          "staff"
        ],
        "security": [
          {
            "staffToken": []
          }
        ],
        "parameters": [
          {
            "name": "reference",
            "in": "path",
            "required": true,
            "description": "A case reference, PREFIX-YYYY-NNNNNN.",
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9]{1,16}-[0-9]{4}-[0-9]{6}$",
              "examples": [
                "HRC-2026-000001"
              ]
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "required": [
                  "to"
                ],
                "properties": {
                  "to": {
                    "type": "string",
                    "enum": [
                      "received",
                      "triage",
                      "awaiting_info",
                      "early_resolution",
                      "mediation",
                      "investigation",
                      "on_hold",
                      "arbitration",
                      "decided",
                      "remedy",
                      "closed"
                    ]
                  },
                  "outcome": {
                    "type": "string",
                    "enum": [
                      "out_of_jurisdiction",
                      "out_of_time",
                      "premature",
                      "insufficient_information",
                      "withdrawn",
                      "transferred",
                      "discretionary",
                      "parallel_proceedings",
                      "duplicate",
                      "early_resolution",
                      "settled",
                      "award",
                      "upheld",
                      "partly_upheld",
                      "not_upheld"
                    ],
                    "description": "A decision or closing needs one."
                  },
                  "reason": {
                    "type": "string",
                    "description": "Why (reopening, withdrawal, transfer)."
                  },
                  "terms": {
                    "type": "string",
                    "description": "The terms of a mediated settlement."
                  },
                  "award_text": {
                    "type": "string",
                    "description": "The text of an arbitral award."
                  },
                  "binding": {
                    "type": "boolean",
                    "description": "Whether the award binds the parties."
                  },
                  "at": {
                    "type": "string",
                    "description": "When it happened, as the CLI's --at: YYYY-MM-DD (12:00 office time), YYYY-MM-DDTHH:MM (office time) or an instant with Z or an offset. Default: now."
                  },
                  "expect_version": {
                    "type": "integer",
                    "description": "Refuse with 409 unless the case is still at this version."
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The case after the change, as 'case show --format json' prints it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Case"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Malformed"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          },
          "422": {
            "$ref": "#/components/responses/Refused"
          }
        }
      }
    },
    "/v1/cases/{reference}/pauses": {
      "post": {
        "operationId": "pauseCase",
        "summary": "Pause the case's running stage clocks (or one clock), as 'case pause'.",
        "description": "",
        "tags": [
          "staff"
        ],
        "security": [
          {
            "staffToken": []
          }
        ],
        "parameters": [
          {
            "name": "reference",
            "in": "path",
            "required": true,
            "description": "A case reference, PREFIX-YYYY-NNNNNN.",
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9]{1,16}-[0-9]{4}-[0-9]{6}$",
              "examples": [
                "HRC-2026-000001"
              ]
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "required": [
                  "reason"
                ],
                "properties": {
                  "reason": {
                    "type": "string"
                  },
                  "clock": {
                    "type": "string",
                    "enum": [
                      "acknowledge",
                      "triage",
                      "info_response",
                      "early_resolution",
                      "mediation_acceptance",
                      "mediation",
                      "respondent_response",
                      "investigation",
                      "arbitration_award",
                      "arbitration_overall",
                      "respondent_reply",
                      "remedy",
                      "verification",
                      "parallel_review",
                      "complainant_update"
                    ]
                  },
                  "at": {
                    "type": "string",
                    "description": "When it happened, as the CLI's --at: YYYY-MM-DD (12:00 office time), YYYY-MM-DDTHH:MM (office time) or an instant with Z or an offset. Default: now."
                  },
                  "expect_version": {
                    "type": "integer",
                    "description": "Refuse with 409 unless the case is still at this version."
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The case after the change, as 'case show --format json' prints it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Case"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Malformed"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          },
          "422": {
            "$ref": "#/components/responses/Refused"
          }
        }
      }
    },
    "/v1/cases/{reference}/resume": {
      "post": {
        "operationId": "resumeCase",
        "summary": "Resume clocks paused by hand, as 'case resume'.",
        "description": "",
        "tags": [
          "staff"
        ],
        "security": [
          {
            "staffToken": []
          }
        ],
        "parameters": [
          {
            "name": "reference",
            "in": "path",
            "required": true,
            "description": "A case reference, PREFIX-YYYY-NNNNNN.",
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9]{1,16}-[0-9]{4}-[0-9]{6}$",
              "examples": [
                "HRC-2026-000001"
              ]
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "required": [],
                "properties": {
                  "clock": {
                    "type": "string",
                    "enum": [
                      "acknowledge",
                      "triage",
                      "info_response",
                      "early_resolution",
                      "mediation_acceptance",
                      "mediation",
                      "respondent_response",
                      "investigation",
                      "arbitration_award",
                      "arbitration_overall",
                      "respondent_reply",
                      "remedy",
                      "verification",
                      "parallel_review",
                      "complainant_update"
                    ]
                  },
                  "at": {
                    "type": "string",
                    "description": "When it happened, as the CLI's --at: YYYY-MM-DD (12:00 office time), YYYY-MM-DDTHH:MM (office time) or an instant with Z or an offset. Default: now."
                  },
                  "expect_version": {
                    "type": "integer",
                    "description": "Refuse with 409 unless the case is still at this version."
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The case after the change, as 'case show --format json' prints it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Case"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Malformed"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          },
          "422": {
            "$ref": "#/components/responses/Refused"
          }
        }
      }
    },
    "/v1/cases/{reference}/extensions": {
      "post": {
        "operationId": "extendClock",
        "summary": "Extend a running clock, as 'case extend'.",
        "description": "Approved by the token's staff member under the clock's policy (approver role, at most two, before expiry, consent beyond the cap); queues the letter to the complainant.",
        "tags": [
          "staff"
        ],
        "security": [
          {
            "staffToken": []
          }
        ],
        "parameters": [
          {
            "name": "reference",
            "in": "path",
            "required": true,
            "description": "A case reference, PREFIX-YYYY-NNNNNN.",
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9]{1,16}-[0-9]{4}-[0-9]{6}$",
              "examples": [
                "HRC-2026-000001"
              ]
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "required": [
                  "clock",
                  "days",
                  "reason"
                ],
                "properties": {
                  "clock": {
                    "type": "string",
                    "enum": [
                      "acknowledge",
                      "triage",
                      "info_response",
                      "early_resolution",
                      "mediation_acceptance",
                      "mediation",
                      "respondent_response",
                      "investigation",
                      "arbitration_award",
                      "arbitration_overall",
                      "respondent_reply",
                      "remedy",
                      "verification",
                      "parallel_review",
                      "complainant_update"
                    ]
                  },
                  "days": {
                    "type": "integer",
                    "description": "How much to add, in the clock's own unit."
                  },
                  "reason": {
                    "type": "string",
                    "description": "Why; the letter to the complainant quotes it."
                  },
                  "consent": {
                    "type": "boolean",
                    "description": "The consent the rule asks for is recorded."
                  },
                  "at": {
                    "type": "string",
                    "description": "When it happened, as the CLI's --at: YYYY-MM-DD (12:00 office time), YYYY-MM-DDTHH:MM (office time) or an instant with Z or an offset. Default: now."
                  },
                  "expect_version": {
                    "type": "integer",
                    "description": "Refuse with 409 unless the case is still at this version."
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The case after the change, as 'case show --format json' prints it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Case"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Malformed"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          },
          "422": {
            "$ref": "#/components/responses/Refused"
          }
        }
      }
    },
    "/v1/cases/{reference}/notes": {
      "post": {
        "operationId": "addNote",
        "summary": "Add a note, as 'case note'.",
        "description": "",
        "tags": [
          "staff"
        ],
        "security": [
          {
            "staffToken": []
          }
        ],
        "parameters": [
          {
            "name": "reference",
            "in": "path",
            "required": true,
            "description": "A case reference, PREFIX-YYYY-NNNNNN.",
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9]{1,16}-[0-9]{4}-[0-9]{6}$",
              "examples": [
                "HRC-2026-000001"
              ]
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "required": [
                  "text"
                ],
                "properties": {
                  "text": {
                    "type": "string"
                  },
                  "at": {
                    "type": "string",
                    "description": "When it happened, as the CLI's --at: YYYY-MM-DD (12:00 office time), YYYY-MM-DDTHH:MM (office time) or an instant with Z or an offset. Default: now."
                  },
                  "expect_version": {
                    "type": "integer",
                    "description": "Refuse with 409 unless the case is still at this version."
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The case after the change, as 'case show --format json' prints it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Case"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Malformed"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          },
          "422": {
            "$ref": "#/components/responses/Refused"
          }
        }
      }
    },
    "/v1/cases/{reference}/remedies": {
      "post": {
        "operationId": "addRemedy",
        "summary": "Add a remedy item to a decided case, as 'remedy add'.",
        "description": "The answer is the case; the new item's number is in the Redress-Remedy-Number header.",
        "tags": [
          "staff"
        ],
        "security": [
          {
            "staffToken": []
          }
        ],
        "parameters": [
          {
            "name": "reference",
            "in": "path",
            "required": true,
            "description": "A case reference, PREFIX-YYYY-NNNNNN.",
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9]{1,16}-[0-9]{4}-[0-9]{6}$",
              "examples": [
                "HRC-2026-000001"
              ]
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "required": [
                  "kind",
                  "description"
                ],
                "properties": {
                  "kind": {
                    "type": "string",
                    "enum": [
                      "apology",
                      "explanation",
                      "decision_retaken",
                      "record_amended",
                      "service_provided",
                      "financial",
                      "stop_violation",
                      "policy_change",
                      "training",
                      "preventive_measure",
                      "others_affected",
                      "other"
                    ]
                  },
                  "description": {
                    "type": "string",
                    "description": "What exactly is to be done."
                  },
                  "class": {
                    "type": "string",
                    "enum": [
                      "personal",
                      "learning",
                      "complaint_handling"
                    ],
                    "description": "Default: by kind."
                  },
                  "scale": {
                    "type": "string",
                    "enum": [
                      "personal",
                      "service",
                      "systemic"
                    ],
                    "description": "The policy rule for its clock; default: by kind."
                  },
                  "amount": {
                    "type": "string",
                    "description": "For a financial remedy: the amount, at most two decimals."
                  },
                  "currency": {
                    "type": "string",
                    "description": "For a financial remedy: the ISO 4217 code."
                  },
                  "due": {
                    "type": "string",
                    "format": "date",
                    "description": "A due date set by hand instead of the policy's."
                  },
                  "body": {
                    "type": "string",
                    "description": "The body responsible (default: the case's respondent)."
                  },
                  "accepted": {
                    "type": "boolean",
                    "description": "Record it as already accepted; its clock starts."
                  },
                  "supersedes": {
                    "type": "integer",
                    "description": "The number of an item this one replaces."
                  },
                  "at": {
                    "type": "string",
                    "description": "When it happened, as the CLI's --at: YYYY-MM-DD (12:00 office time), YYYY-MM-DDTHH:MM (office time) or an instant with Z or an offset. Default: now."
                  },
                  "expect_version": {
                    "type": "integer",
                    "description": "Refuse with 409 unless the case is still at this version."
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The case after the change, as 'case show --format json' prints it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Case"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Malformed"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          },
          "422": {
            "$ref": "#/components/responses/Refused"
          }
        }
      }
    },
    "/v1/cases/{reference}/remedies/{number}/actions": {
      "post": {
        "operationId": "remedyAction",
        "summary": "Record what happened to a remedy item, as 'remedy accept | reject | progress | evidence | verify'.",
        "description": "",
        "tags": [
          "staff"
        ],
        "security": [
          {
            "staffToken": []
          }
        ],
        "parameters": [
          {
            "name": "reference",
            "in": "path",
            "required": true,
            "description": "A case reference, PREFIX-YYYY-NNNNNN.",
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9]{1,16}-[0-9]{4}-[0-9]{6}$",
              "examples": [
                "HRC-2026-000001"
              ]
            }
          },
          {
            "name": "number",
            "in": "path",
            "required": true,
            "description": "The item's number on its case.",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 1000000
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "required": [
                  "action"
                ],
                "properties": {
                  "action": {
                    "type": "string",
                    "enum": [
                      "accept",
                      "reject",
                      "progress",
                      "evidence",
                      "verify",
                      "verify_partial",
                      "not_implemented",
                      "supersede"
                    ]
                  },
                  "text": {
                    "type": "string",
                    "description": "The reasons (reject, supersede, not_implemented), the progress note or the evidence."
                  },
                  "due": {
                    "type": "string",
                    "format": "date",
                    "description": "For accept: a due date agreed by hand."
                  },
                  "at": {
                    "type": "string",
                    "description": "When it happened, as the CLI's --at: YYYY-MM-DD (12:00 office time), YYYY-MM-DDTHH:MM (office time) or an instant with Z or an offset. Default: now."
                  },
                  "expect_version": {
                    "type": "integer",
                    "description": "Refuse with 409 unless the case is still at this version."
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The case after the change, as 'case show --format json' prints it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Case"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Malformed"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          },
          "422": {
            "$ref": "#/components/responses/Refused"
          }
        }
      }
    },
    "/v1/remedies": {
      "get": {
        "operationId": "listRemedies",
        "summary": "Remedy items across cases, as 'remedy list --format json'.",
        "tags": [
          "staff"
        ],
        "security": [
          {
            "staffToken": []
          }
        ],
        "parameters": [
          {
            "name": "case",
            "in": "query",
            "description": "Only the items of this case.",
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9]{1,16}-[0-9]{4}-[0-9]{6}$",
              "examples": [
                "HRC-2026-000001"
              ]
            }
          },
          {
            "name": "state",
            "in": "query",
            "schema": {
              "type": "string",
              "enum": [
                "proposed",
                "accepted",
                "rejected",
                "in_progress",
                "evidence_submitted",
                "verified",
                "partial",
                "not_implemented",
                "superseded"
              ]
            }
          },
          {
            "name": "respondent",
            "in": "query",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "kind",
            "in": "query",
            "schema": {
              "type": "string",
              "enum": [
                "apology",
                "explanation",
                "decision_retaken",
                "record_amended",
                "service_provided",
                "financial",
                "stop_violation",
                "policy_change",
                "training",
                "preventive_measure",
                "others_affected",
                "other"
              ]
            }
          },
          {
            "name": "overdue",
            "in": "query",
            "schema": {
              "type": "boolean"
            }
          },
          {
            "name": "systemic",
            "in": "query",
            "description": "Only systemic recommendations.",
            "schema": {
              "type": "boolean"
            }
          },
          {
            "name": "as_of",
            "in": "query",
            "required": false,
            "description": "Take clock statuses as of this date (default: today, office time).",
            "schema": {
              "type": "string",
              "format": "date"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The items.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/Remedy"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Malformed"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    }
  },
  "components": {
    "schemas": {
      "Status": {
        "type": "object",
        "required": [
          "status"
        ],
        "properties": {
          "status": {
            "type": "string"
          }
        }
      },
      "Error": {
        "type": "object",
        "required": [
          "error"
        ],
        "additionalProperties": false,
        "properties": {
          "error": {
            "type": "object",
            "required": [
              "status",
              "code",
              "message"
            ],
            "additionalProperties": false,
            "properties": {
              "status": {
                "type": "integer"
              },
              "code": {
                "type": "string",
                "enum": [
                  "malformed",
                  "unauthorized",
                  "forbidden",
                  "not_found",
                  "method_not_allowed",
                  "conflict",
                  "too_large",
                  "refused",
                  "rate_limited",
                  "database_unavailable",
                  "unavailable",
                  "internal",
                  "error"
                ]
              },
              "message": {
                "type": "string"
              }
            }
          }
        }
      },
      "PartyInput": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "name"
        ],
        "properties": {
          "name": {
            "type": "string",
            "minLength": 1,
            "maxLength": 1000
          },
          "email": {
            "type": "string",
            "maxLength": 1000
          },
          "phone": {
            "type": "string",
            "maxLength": 1000
          },
          "postal_address": {
            "type": "string",
            "maxLength": 1000
          },
          "language": {
            "type": "string",
            "description": "ISO 639 code, e.g. en, ko."
          },
          "contact_preference": {
            "type": "string",
            "enum": [
              "email",
              "post",
              "phone"
            ]
          }
        }
      },
      "Complaint": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "complainants",
          "respondent",
          "summary"
        ],
        "properties": {
          "complainants": {
            "type": "array",
            "minItems": 1,
            "items": {
              "$ref": "#/components/schemas/PartyInput"
            },
            "description": "One or more; for a group complaint, the group as one party."
          },
          "group_size": {
            "type": "integer",
            "minimum": 2,
            "description": "For a collective complaint, how many people the group counts."
          },
          "representative": {
            "$ref": "#/components/schemas/PartyInput"
          },
          "respondent": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "name"
            ],
            "properties": {
              "name": {
                "type": "string",
                "minLength": 1,
                "maxLength": 1000
              },
              "email": {
                "type": "string"
              }
            }
          },
          "categories": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "Rights category codes (housing, right_to_remedy, ...)."
          },
          "summary": {
            "type": "string",
            "minLength": 1,
            "maxLength": 20000
          },
          "language": {
            "type": "string"
          },
          "urgent": {
            "type": "boolean",
            "description": "Imminent harm (eviction, loss of utilities, detention)."
          },
          "confidential": {
            "type": "boolean"
          },
          "incident_date": {
            "type": "string",
            "format": "date",
            "description": "When the events complained of happened."
          }
        }
      },
      "ComplaintReceipt": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "reference",
          "status_token",
          "status_url"
        ],
        "properties": {
          "reference": {
            "type": "string"
          },
          "status_token": {
            "type": "string",
            "description": "Shown only now; send it as Redress-Status-Token."
          },
          "status_url": {
            "type": "string"
          }
        }
      },
      "ComplaintStatus": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "reference",
          "status",
          "outcome",
          "received_on",
          "updated_at",
          "closed_at",
          "clocks",
          "as_of"
        ],
        "properties": {
          "reference": {
            "type": "string"
          },
          "status": {
            "type": "string",
            "enum": [
              "received",
              "triage",
              "awaiting_info",
              "early_resolution",
              "mediation",
              "investigation",
              "on_hold",
              "arbitration",
              "decided",
              "remedy",
              "closed"
            ]
          },
          "outcome": {
            "type": [
              "string",
              "null"
            ],
            "enum": [
              "out_of_jurisdiction",
              "out_of_time",
              "premature",
              "insufficient_information",
              "withdrawn",
              "transferred",
              "discretionary",
              "parallel_proceedings",
              "duplicate",
              "early_resolution",
              "settled",
              "award",
              "upheld",
              "partly_upheld",
              "not_upheld",
              null
            ]
          },
          "received_on": {
            "type": "string",
            "format": "date"
          },
          "updated_at": {
            "type": "string",
            "format": "date-time"
          },
          "closed_at": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time"
          },
          "as_of": {
            "type": "string",
            "format": "date"
          },
          "clocks": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": [
                "kind",
                "status",
                "due_date",
                "met_date"
              ],
              "properties": {
                "kind": {
                  "type": "string",
                  "enum": [
                    "acknowledge",
                    "triage",
                    "info_response",
                    "early_resolution",
                    "mediation_acceptance",
                    "mediation",
                    "respondent_response",
                    "investigation",
                    "arbitration_award",
                    "arbitration_overall",
                    "respondent_reply",
                    "remedy",
                    "verification",
                    "parallel_review",
                    "complainant_update"
                  ]
                },
                "status": {
                  "type": "string",
                  "enum": [
                    "running",
                    "paused",
                    "met",
                    "met_late",
                    "breached",
                    "cancelled"
                  ]
                },
                "due_date": {
                  "type": [
                    "string",
                    "null"
                  ],
                  "format": "date"
                },
                "met_date": {
                  "type": [
                    "string",
                    "null"
                  ],
                  "format": "date"
                }
              }
            }
          }
        }
      },
      "Party": {
        "type": "object",
        "required": [
          "name"
        ],
        "properties": {
          "name": {
            "type": "string"
          },
          "email": {
            "type": "string"
          },
          "phone": {
            "type": "string"
          },
          "postal_address": {
            "type": "string"
          },
          "language": {
            "type": "string"
          },
          "contact_preference": {
            "type": "string",
            "enum": [
              "email",
              "post",
              "phone"
            ]
          }
        }
      },
      "RespondentBody": {
        "type": "object",
        "required": [
          "name"
        ],
        "properties": {
          "name": {
            "type": "string"
          },
          "email": {
            "type": "string"
          },
          "head_of_body_name": {
            "type": "string"
          },
          "head_of_body_email": {
            "type": "string"
          }
        }
      },
      "Allowance": {
        "type": "object",
        "required": [
          "amount",
          "unit"
        ],
        "properties": {
          "amount": {
            "type": "integer"
          },
          "unit": {
            "type": "string",
            "enum": [
              "working_days",
              "calendar_days",
              "months"
            ]
          }
        }
      },
      "Extension": {
        "type": "object",
        "required": [
          "amount",
          "reason",
          "approver_role",
          "approved_by",
          "on_date",
          "with_consent"
        ],
        "properties": {
          "amount": {
            "type": "integer"
          },
          "reason": {
            "type": "string"
          },
          "approver_role": {
            "type": "string",
            "enum": [
              "intake",
              "caseworker",
              "supervisor",
              "ombudsperson",
              "auditor",
              "admin"
            ]
          },
          "approved_by": {
            "type": "string"
          },
          "on_date": {
            "type": "string",
            "format": "date"
          },
          "with_consent": {
            "type": "boolean"
          }
        }
      },
      "Clock": {
        "type": "object",
        "required": [
          "kind",
          "remedy_scale",
          "status",
          "allowance",
          "started_at",
          "start_date",
          "due_date",
          "paused_days",
          "pauses",
          "extensions",
          "met_date",
          "cancelled_on",
          "policy_version",
          "urgent"
        ],
        "properties": {
          "kind": {
            "type": "string",
            "enum": [
              "acknowledge",
              "triage",
              "info_response",
              "early_resolution",
              "mediation_acceptance",
              "mediation",
              "respondent_response",
              "investigation",
              "arbitration_award",
              "arbitration_overall",
              "respondent_reply",
              "remedy",
              "verification",
              "parallel_review",
              "complainant_update"
            ]
          },
          "remedy_scale": {
            "type": [
              "string",
              "null"
            ]
          },
          "status": {
            "type": "string",
            "enum": [
              "running",
              "paused",
              "met",
              "met_late",
              "breached",
              "cancelled"
            ]
          },
          "allowance": {
            "$ref": "#/components/schemas/Allowance"
          },
          "started_at": {
            "type": "string",
            "format": "date-time"
          },
          "start_date": {
            "type": "string",
            "format": "date"
          },
          "due_date": {
            "type": [
              "string",
              "null"
            ],
            "format": "date",
            "description": "Null while paused."
          },
          "paused_days": {
            "type": "integer"
          },
          "pauses": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "from",
                "to",
                "cause",
                "reason"
              ],
              "properties": {
                "from": {
                  "type": "string",
                  "format": "date"
                },
                "to": {
                  "type": [
                    "string",
                    "null"
                  ],
                  "format": "date"
                },
                "cause": {
                  "type": "string"
                },
                "reason": {
                  "type": "string"
                }
              }
            }
          },
          "extensions": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Extension"
            }
          },
          "met_date": {
            "type": [
              "string",
              "null"
            ],
            "format": "date"
          },
          "cancelled_on": {
            "type": [
              "string",
              "null"
            ],
            "format": "date"
          },
          "policy_version": {
            "type": "integer"
          },
          "urgent": {
            "type": "boolean"
          }
        }
      },
      "Case": {
        "type": "object",
        "description": "A case as 'case show --format json' prints it; every field is always present.",
        "required": [
          "reference",
          "version",
          "status",
          "outcome",
          "received_at",
          "received_on",
          "channel",
          "summary",
          "language",
          "urgent",
          "confidential",
          "incident_date",
          "late_filing",
          "late_filing_reason",
          "group_size",
          "assignee",
          "info_requests",
          "respondent",
          "complainants",
          "representative",
          "identity_redacted",
          "categories",
          "clocks",
          "opened_by",
          "created_at",
          "updated_at",
          "closed_at",
          "as_of",
          "mediation",
          "arbitration",
          "investigation",
          "decision",
          "remedies"
        ],
        "properties": {
          "mediation": {
            "type": [
              "object",
              "null"
            ]
          },
          "arbitration": {
            "type": [
              "object",
              "null"
            ]
          },
          "investigation": {
            "type": [
              "object",
              "null"
            ]
          },
          "decision": {
            "type": [
              "object",
              "null"
            ]
          },
          "remedies": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Remedy"
            }
          },
          "reference": {
            "type": "string"
          },
          "version": {
            "type": "integer"
          },
          "status": {
            "type": "string",
            "enum": [
              "received",
              "triage",
              "awaiting_info",
              "early_resolution",
              "mediation",
              "investigation",
              "on_hold",
              "arbitration",
              "decided",
              "remedy",
              "closed"
            ]
          },
          "outcome": {
            "type": [
              "string",
              "null"
            ],
            "enum": [
              "out_of_jurisdiction",
              "out_of_time",
              "premature",
              "insufficient_information",
              "withdrawn",
              "transferred",
              "discretionary",
              "parallel_proceedings",
              "duplicate",
              "early_resolution",
              "settled",
              "award",
              "upheld",
              "partly_upheld",
              "not_upheld",
              null
            ]
          },
          "received_at": {
            "type": "string",
            "format": "date-time"
          },
          "received_on": {
            "type": "string",
            "format": "date"
          },
          "channel": {
            "type": "string",
            "enum": [
              "web",
              "email",
              "post",
              "phone",
              "in_person",
              "referral",
              "own_initiative"
            ]
          },
          "summary": {
            "type": "string"
          },
          "language": {
            "type": "string"
          },
          "urgent": {
            "type": "boolean"
          },
          "confidential": {
            "type": "boolean"
          },
          "incident_date": {
            "type": [
              "string",
              "null"
            ],
            "format": "date"
          },
          "late_filing": {
            "type": "boolean"
          },
          "late_filing_reason": {
            "type": [
              "string",
              "null"
            ]
          },
          "group_size": {
            "type": [
              "integer",
              "null"
            ]
          },
          "assignee": {
            "type": [
              "string",
              "null"
            ]
          },
          "info_requests": {
            "type": "integer"
          },
          "respondent": {
            "$ref": "#/components/schemas/RespondentBody"
          },
          "complainants": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Party"
            }
          },
          "representative": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Party"
              },
              {
                "type": "null"
              }
            ]
          },
          "identity_redacted": {
            "type": "boolean",
            "description": "Whether complainant identity was withheld from the reader."
          },
          "categories": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "clocks": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Clock"
            }
          },
          "opened_by": {
            "type": "string"
          },
          "created_at": {
            "type": "string",
            "format": "date-time"
          },
          "updated_at": {
            "type": "string",
            "format": "date-time"
          },
          "closed_at": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time"
          },
          "as_of": {
            "type": "string",
            "format": "date"
          }
        }
      },
      "Remedy": {
        "type": "object",
        "description": "A remedy item, as in 'remedy list --format json' and the remedies of a case.",
        "required": [
          "reference",
          "number",
          "kind",
          "class",
          "scale",
          "description",
          "body",
          "amount",
          "state",
          "due_date",
          "due_set_by_hand",
          "overdue",
          "late",
          "systemic",
          "reason",
          "superseded_by",
          "remedy_clock",
          "verification_clock",
          "progress",
          "evidence"
        ],
        "properties": {
          "reference": {
            "type": "string"
          },
          "number": {
            "type": "integer"
          },
          "kind": {
            "type": "string",
            "enum": [
              "apology",
              "explanation",
              "decision_retaken",
              "record_amended",
              "service_provided",
              "financial",
              "stop_violation",
              "policy_change",
              "training",
              "preventive_measure",
              "others_affected",
              "other"
            ]
          },
          "class": {
            "type": "string",
            "enum": [
              "personal",
              "learning",
              "complaint_handling"
            ]
          },
          "scale": {
            "type": "string",
            "enum": [
              "personal",
              "service",
              "systemic"
            ]
          },
          "description": {
            "type": "string"
          },
          "body": {
            "type": "string"
          },
          "amount": {
            "oneOf": [
              {
                "type": "object",
                "required": [
                  "amount",
                  "currency"
                ],
                "properties": {
                  "amount": {
                    "type": "string"
                  },
                  "currency": {
                    "type": "string"
                  }
                }
              },
              {
                "type": "null"
              }
            ]
          },
          "state": {
            "type": "string",
            "enum": [
              "proposed",
              "accepted",
              "rejected",
              "in_progress",
              "evidence_submitted",
              "verified",
              "partial",
              "not_implemented",
              "superseded"
            ]
          },
          "due_date": {
            "type": [
              "string",
              "null"
            ],
            "format": "date"
          },
          "due_set_by_hand": {
            "type": "boolean"
          },
          "overdue": {
            "type": "boolean"
          },
          "late": {
            "type": [
              "boolean",
              "null"
            ]
          },
          "systemic": {
            "type": "boolean"
          },
          "reason": {
            "type": [
              "string",
              "null"
            ]
          },
          "superseded_by": {
            "type": [
              "integer",
              "null"
            ]
          },
          "remedy_clock": {
            "type": [
              "object",
              "null"
            ]
          },
          "verification_clock": {
            "type": [
              "object",
              "null"
            ]
          },
          "progress": {
            "type": "array",
            "items": {
              "type": "object"
            }
          },
          "evidence": {
            "type": "array",
            "items": {
              "type": "object"
            }
          }
        }
      },
      "CaseSummary": {
        "type": "object",
        "description": "One line of 'case list --format json'.",
        "required": [
          "reference",
          "status",
          "received_on",
          "urgent",
          "confidential",
          "assignee",
          "respondent",
          "complainant",
          "categories",
          "next_due_date",
          "next_due_clock",
          "breached",
          "paused",
          "version"
        ],
        "properties": {
          "reference": {
            "type": "string"
          },
          "status": {
            "type": "string",
            "enum": [
              "received",
              "triage",
              "awaiting_info",
              "early_resolution",
              "mediation",
              "investigation",
              "on_hold",
              "arbitration",
              "decided",
              "remedy",
              "closed"
            ]
          },
          "received_on": {
            "type": "string",
            "format": "date"
          },
          "urgent": {
            "type": "boolean"
          },
          "confidential": {
            "type": "boolean"
          },
          "assignee": {
            "type": [
              "string",
              "null"
            ]
          },
          "respondent": {
            "type": "string"
          },
          "complainant": {
            "type": [
              "string",
              "null"
            ],
            "description": "The first complainant's name, or [redacted]."
          },
          "categories": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "next_due_date": {
            "type": [
              "string",
              "null"
            ],
            "format": "date"
          },
          "next_due_clock": {
            "type": [
              "string",
              "null"
            ],
            "enum": [
              "acknowledge",
              "triage",
              "info_response",
              "early_resolution",
              "mediation_acceptance",
              "mediation",
              "respondent_response",
              "investigation",
              "arbitration_award",
              "arbitration_overall",
              "respondent_reply",
              "remedy",
              "verification",
              "parallel_review",
              "complainant_update",
              null
            ]
          },
          "breached": {
            "type": "boolean"
          },
          "paused": {
            "type": "boolean"
          },
          "version": {
            "type": "integer"
          }
        }
      },
      "AuditEvent": {
        "type": "object",
        "required": [
          "id",
          "actor",
          "occurred_at",
          "recorded_at",
          "kind",
          "data"
        ],
        "properties": {
          "id": {
            "type": "integer"
          },
          "case_reference": {
            "type": [
              "string",
              "null"
            ]
          },
          "actor": {
            "type": "string"
          },
          "occurred_at": {
            "type": "string",
            "format": "date-time"
          },
          "recorded_at": {
            "type": "string",
            "format": "date-time"
          },
          "kind": {
            "type": "string"
          },
          "data": {}
        }
      },
      "Explanation": {
        "type": "object",
        "description": "The working of one clock's due date, as 'case explain --format json'.",
        "required": [
          "kind",
          "start_event",
          "start_instant",
          "time_zone",
          "start_date",
          "start_local_time",
          "counted_from",
          "allowance",
          "urgent",
          "policy_version",
          "week_mask",
          "calendars",
          "skipped",
          "pauses",
          "extensions",
          "paused_total"
        ],
        "properties": {
          "kind": {
            "type": "string",
            "enum": [
              "acknowledge",
              "triage",
              "info_response",
              "early_resolution",
              "mediation_acceptance",
              "mediation",
              "respondent_response",
              "investigation",
              "arbitration_award",
              "arbitration_overall",
              "respondent_reply",
              "remedy",
              "verification",
              "parallel_review",
              "complainant_update"
            ]
          },
          "remedy_scale": {
            "type": "string"
          },
          "start_event": {
            "type": "string"
          },
          "start_instant": {
            "type": "string",
            "format": "date-time"
          },
          "time_zone": {
            "type": "string"
          },
          "start_date": {
            "type": "string",
            "format": "date"
          },
          "start_local_time": {
            "type": "string"
          },
          "counted_from": {
            "type": "string",
            "format": "date"
          },
          "allowance": {
            "$ref": "#/components/schemas/Allowance"
          },
          "urgent": {
            "type": "boolean"
          },
          "policy_version": {
            "type": "integer"
          },
          "week_mask": {
            "type": "string"
          },
          "calendars": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "skipped": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "date",
                "is_weekend",
                "holidays"
              ],
              "properties": {
                "date": {
                  "type": "string",
                  "format": "date"
                },
                "is_weekend": {
                  "type": "boolean"
                },
                "holidays": {
                  "type": "array"
                }
              }
            }
          },
          "pauses": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "pause",
                "added",
                "unit"
              ],
              "properties": {
                "pause": {
                  "type": "object",
                  "required": [
                    "from"
                  ],
                  "properties": {
                    "from": {
                      "type": "string",
                      "format": "date"
                    },
                    "to": {
                      "type": "string",
                      "format": "date"
                    },
                    "reason": {
                      "type": "string"
                    }
                  }
                },
                "added": {
                  "type": "integer"
                },
                "unit": {
                  "type": "string",
                  "enum": [
                    "working_days",
                    "calendar_days",
                    "months"
                  ]
                }
              }
            }
          },
          "extensions": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Extension"
            }
          },
          "paused_total": {
            "type": "integer"
          },
          "unrolled_date": {
            "type": "string",
            "format": "date"
          },
          "due_date": {
            "type": "string",
            "format": "date"
          },
          "ended_on": {
            "type": "string",
            "format": "date"
          },
          "as_of": {
            "type": "string",
            "format": "date"
          },
          "status": {
            "type": "string",
            "enum": [
              "running",
              "paused",
              "met",
              "met_late",
              "breached",
              "cancelled"
            ]
          }
        }
      }
    },
    "responses": {
      "Malformed": {
        "description": "The request could not be read: bad JSON, a missing or unknown field, a bad value.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "Unauthorized": {
        "description": "No token, or one that is unknown, revoked or expired.",
        "headers": {
          "WWW-Authenticate": {
            "schema": {
              "type": "string"
            }
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "Forbidden": {
        "description": "The token's staff member has no role that may do this.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "NotFound": {
        "description": "No such case, or no such clock on it.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "Conflict": {
        "description": "Someone else changed the case at the same moment, or expect_version is stale: read it again and retry.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "TooLarge": {
        "description": "The body is over 64 KiB.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "Refused": {
        "description": "Well-formed, but refused by the rules (an illegal move, a missing approval, a limit).",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "RateLimited": {
        "description": "Too many public requests from this client; see Retry-After.",
        "headers": {
          "Retry-After": {
            "description": "Seconds to wait.",
            "schema": {
              "type": "string",
              "pattern": "^[0-9]+$"
            }
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "Unavailable": {
        "description": "The database is not reachable now (or public intake is closed); see Retry-After.",
        "headers": {
          "Retry-After": {
            "description": "Seconds to wait.",
            "schema": {
              "type": "string",
              "pattern": "^[0-9]+$"
            }
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      }
    },
    "securitySchemes": {
      "staffToken": {
        "type": "http",
        "scheme": "bearer",
        "description": "A staff token from 'redress staff token create LOGIN'."
      }
    }
  }
}
"""#
}
