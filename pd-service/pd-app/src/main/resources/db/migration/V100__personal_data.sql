-- Personal data of educators (names, emails), kept out of events and read models.
-- Each educator's fields are encrypted (AES-256-GCM) with that educator's own data key. Erasure deletes the
-- key row (crypto-shredding): the ciphertext here, in backups and anywhere else becomes unreadable.
CREATE TABLE pd_educator_key (
    educator_id  VARCHAR(64) PRIMARY KEY,
    district_id  VARCHAR(64) NOT NULL,
    data_key     BYTEA       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE pd_educator_data (
    educator_id  VARCHAR(64) PRIMARY KEY,
    district_id  VARCHAR(64) NOT NULL,
    nonce        BYTEA       NOT NULL,
    ciphertext   BYTEA       NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
