-- One signing key pair per district (the issuer of its Open Badges credentials), as a private JWK.
CREATE TABLE pd_issuer_key (
    district_id  VARCHAR(64) PRIMARY KEY,
    key_id       VARCHAR(128) NOT NULL,
    private_jwk  TEXT         NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);
