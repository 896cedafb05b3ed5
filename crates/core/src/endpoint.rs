//! Where each call goes: hosts and paths, and which calls may safely be sent twice.

/// One API call the library knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Endpoint {
    /// `POST /openapi/auth/ticket/v1/generate-token`.
    Token,
    /// `POST /intl/openapi/identity-risk/idvs-h5/ekyc/v1/generate-non-document-verification-url`
    /// (the Non-Document Verification page; not the older document-based `generate-url`).
    GenerateUrl,
    /// `POST /intl/openapi/identity-risk/idvs-h5/ekyc/v1/get-result`.
    GetResult,
    /// `POST /intl/openapi/identity-risk/idvs-h5/ekyc/v1/api/database-id-verification`.
    IdNumberVerification,
    /// `GET /intl/openapi/identity-risk/idvs-h5/ekyc/v1/non-doc-health-status?numberType=…`.
    HealthStatus,
    /// `POST /intl/openapi/identity-risk/idvs-h5/ekyc/v1/clear-data?signatureId=…`.
    ClearData,
}

impl Endpoint {
    /// Every endpoint.
    pub const ALL: &'static [Endpoint] = &[
        Endpoint::Token,
        Endpoint::GenerateUrl,
        Endpoint::GetResult,
        Endpoint::IdNumberVerification,
        Endpoint::HealthStatus,
        Endpoint::ClearData,
    ];

    /// What the call is: the one table of paths, methods, billing and authentication.
    ///
    /// A token request creates a token that is simply never used, and a Get Result reads:
    /// both are idempotent; so are Health Status (a read) and Clear Data (clearing twice
    /// clears once). Database verification and Generate URL create a billable
    /// transaction each time they reach the server, so a client must never resend them once
    /// they may have arrived.
    pub const fn descriptor(self) -> Descriptor {
        // Every eKYC path shares this prefix.
        macro_rules! h5 {
            ($path:literal) => {
                concat!("/intl/openapi/identity-risk/idvs-h5/ekyc/v1", $path)
            };
        }
        match self {
            Self::Token => Descriptor {
                name: "token",
                method: Method::Post,
                path: "/openapi/auth/ticket/v1/generate-token",
                idempotency: Idempotency::Idempotent,
                needs_token: false,
            },
            Self::GenerateUrl => Descriptor {
                name: "generate_url",
                method: Method::Post,
                path: h5!("/generate-non-document-verification-url"),
                idempotency: Idempotency::Billable,
                needs_token: true,
            },
            Self::GetResult => Descriptor {
                name: "get_result",
                method: Method::Post,
                path: h5!("/get-result"),
                idempotency: Idempotency::Idempotent,
                needs_token: true,
            },
            Self::IdNumberVerification => Descriptor {
                name: "id_number_verification",
                method: Method::Post,
                path: h5!("/api/database-id-verification"),
                idempotency: Idempotency::Billable,
                needs_token: true,
            },
            Self::HealthStatus => Descriptor {
                name: "health_status",
                method: Method::Get,
                path: h5!("/non-doc-health-status"),
                idempotency: Idempotency::Idempotent,
                needs_token: true,
            },
            Self::ClearData => Descriptor {
                name: "clear_data",
                method: Method::Post,
                path: h5!("/clear-data"),
                idempotency: Idempotency::Idempotent,
                needs_token: true,
            },
        }
    }

    /// The path, relative to the host.
    pub const fn path(self) -> &'static str {
        self.descriptor().path
    }

    /// Whether sending the call twice has the same effect as sending it once.
    pub const fn is_idempotent(self) -> bool {
        matches!(self.descriptor().idempotency, Idempotency::Idempotent)
    }

    /// Whether the call needs an access token (`X-ACCESS-TOKEN`): every call but the token
    /// call itself.
    pub const fn needs_token(self) -> bool {
        self.descriptor().needs_token
    }
}

/// What an API call is, as a client needs to know it: where it goes, how, whether it may
/// be sent twice, and whether it needs a token. [`Endpoint::descriptor`] holds the rows of
/// the calls this library knows; an [`crate::Operation`] of your own writes its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Descriptor {
    /// A short stable name for logs (`get_result`).
    pub name: &'static str,
    /// The HTTP method.
    pub method: Method,
    /// The path, relative to the host.
    pub path: &'static str,
    /// Whether the call may be sent twice.
    pub idempotency: Idempotency,
    /// Whether the call needs an access token (`X-ACCESS-TOKEN`).
    pub needs_token: bool,
}

impl Descriptor {
    /// A descriptor for a call this library has no row for (see [`crate::Operation`]).
    pub const fn new(
        name: &'static str,
        method: Method,
        path: &'static str,
        idempotency: Idempotency,
        needs_token: bool,
    ) -> Self {
        Self {
            name,
            method,
            path,
            idempotency,
            needs_token,
        }
    }

    /// Whether sending the call twice has the same effect as sending it once.
    pub const fn is_idempotent(&self) -> bool {
        matches!(self.idempotency, Idempotency::Idempotent)
    }
}

/// The HTTP method of a call.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Method {
    /// `GET`: no body.
    Get,
    /// `POST` with a JSON body.
    Post,
}

impl Method {
    /// The method's name (`POST`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
        }
    }
}

/// Whether a call may be sent twice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Idempotency {
    /// Sending it twice has the same effect as once (it reads, or creates nothing billed):
    /// a client may retry it on any transient failure.
    Idempotent,
    /// Each call that reaches the server may be billed: a client resends it only when the
    /// request provably never left.
    Billable,
}

/// A documented vendor host.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Host {
    /// `api.advance.ai`.
    Global,
    /// `sg-api.advance.ai`, the only host documented for database verification.
    Singapore,
    /// `ph-api.advance.ai`.
    Philippines,
    /// `th-api.advance.ai`.
    Thailand,
    /// `my-api.advance.ai`.
    Malaysia,
    /// `vn-api.advance.ai`.
    Vietnam,
    /// `mex-api.advance.ai` (token endpoint only).
    Mexico,
    /// `col-api.advance.ai` (token endpoint only).
    Colombia,
    /// `nga-api.advance.ai` (token endpoint only).
    Nigeria,
}

impl Host {
    /// Every documented host.
    pub const ALL: &'static [Host] = &[
        Host::Global,
        Host::Singapore,
        Host::Philippines,
        Host::Thailand,
        Host::Malaysia,
        Host::Vietnam,
        Host::Mexico,
        Host::Colombia,
        Host::Nigeria,
    ];

    /// The host name (`sg-api.advance.ai`).
    pub const fn name(self) -> &'static str {
        match self {
            Self::Global => "api.advance.ai",
            Self::Singapore => "sg-api.advance.ai",
            Self::Philippines => "ph-api.advance.ai",
            Self::Thailand => "th-api.advance.ai",
            Self::Malaysia => "my-api.advance.ai",
            Self::Vietnam => "vn-api.advance.ai",
            Self::Mexico => "mex-api.advance.ai",
            Self::Colombia => "col-api.advance.ai",
            Self::Nigeria => "nga-api.advance.ai",
        }
    }

    /// The base URL (`https://sg-api.advance.ai`).
    pub fn base_url(self) -> String {
        format!("https://{}", self.name())
    }

    /// Whether the vendor documents `endpoint` on this host.
    ///
    /// The Non-Doc pages (Generate URL, Health Status, and database verification on the same
    /// path family) name only `sg-api`. Get Result's Non-Doc page also names only `sg-api`,
    /// but the same path is listed on six hosts by the vendor's other H5 products' pages, so
    /// those count; Clear Data's shared page lists the same six.
    pub const fn documents(self, endpoint: Endpoint) -> bool {
        match endpoint {
            Endpoint::Token => true,
            Endpoint::GetResult => !matches!(self, Self::Mexico | Self::Colombia | Self::Nigeria),
            Endpoint::GenerateUrl | Endpoint::IdNumberVerification | Endpoint::HealthStatus => {
                matches!(self, Self::Singapore)
            }
            Endpoint::ClearData => !matches!(self, Self::Mexico | Self::Colombia | Self::Nigeria),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hosts each endpoint's page lists (non-doc-flow.md §1 and the token page).
    #[test]
    fn each_endpoint_is_documented_on_its_pages_hosts() {
        let hosts = |endpoint: Endpoint| -> Vec<&str> {
            Host::ALL
                .iter()
                .filter(|h| h.documents(endpoint))
                .map(|h| h.name())
                .collect()
        };
        let six = [
            "api.advance.ai",
            "sg-api.advance.ai",
            "ph-api.advance.ai",
            "th-api.advance.ai",
            "my-api.advance.ai",
            "vn-api.advance.ai",
        ];
        assert_eq!(hosts(Endpoint::GenerateUrl), ["sg-api.advance.ai"]);
        assert_eq!(hosts(Endpoint::HealthStatus), ["sg-api.advance.ai"]);
        assert_eq!(hosts(Endpoint::IdNumberVerification), ["sg-api.advance.ai"]);
        assert_eq!(hosts(Endpoint::GetResult), six);
        assert_eq!(hosts(Endpoint::ClearData), six);
        assert_eq!(hosts(Endpoint::Token).len(), Host::ALL.len());
    }
}
