//! Where each call goes: hosts and paths, and which calls may safely be sent twice.

/// One API call the library knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Endpoint {
    /// `POST /openapi/auth/ticket/v1/generate-token`.
    Token,
    /// `POST /intl/openapi/identity-risk/idvs-h5/ekyc/v1/generate-url`.
    GenerateUrl,
    /// `POST /intl/openapi/identity-risk/idvs-h5/ekyc/v1/get-result`.
    GetResult,
    /// `POST /intl/openapi/identity-risk/idvs-h5/ekyc/v1/api/database-id-verification`.
    IdNumberVerification,
}

impl Endpoint {
    /// Every endpoint.
    pub const ALL: &'static [Endpoint] = &[
        Endpoint::Token,
        Endpoint::GenerateUrl,
        Endpoint::GetResult,
        Endpoint::IdNumberVerification,
    ];

    /// The path, relative to the host.
    pub const fn path(self) -> &'static str {
        match self {
            Self::Token => "/openapi/auth/ticket/v1/generate-token",
            Self::GenerateUrl => "/intl/openapi/identity-risk/idvs-h5/ekyc/v1/generate-url",
            Self::GetResult => "/intl/openapi/identity-risk/idvs-h5/ekyc/v1/get-result",
            Self::IdNumberVerification => {
                "/intl/openapi/identity-risk/idvs-h5/ekyc/v1/api/database-id-verification"
            }
        }
    }

    /// Whether sending the call twice has the same effect as sending it once.
    ///
    /// A token request creates a token that is simply never used; a Get Result reads. The
    /// other two create a billable transaction each time they reach the server, so a client
    /// must never resend them once they may have arrived.
    pub const fn is_idempotent(self) -> bool {
        matches!(self, Self::Token | Self::GetResult)
    }

    /// Whether the call needs an access token (`X-ACCESS-TOKEN`): every call but the token
    /// call itself.
    pub const fn needs_token(self) -> bool {
        !matches!(self, Self::Token)
    }
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
    pub const fn documents(self, endpoint: Endpoint) -> bool {
        match endpoint {
            Endpoint::Token => true,
            Endpoint::GenerateUrl | Endpoint::GetResult => {
                !matches!(self, Self::Mexico | Self::Colombia | Self::Nigeria)
            }
            Endpoint::IdNumberVerification => matches!(self, Self::Singapore),
        }
    }
}
