-- Each ticket as Confer issued it at registration (issue 10 point 5). Ed25519 is deterministic, so the text a
-- registration's ticket has is known when it registers; a check-in presenting exactly that text, under the key that
-- signed it (key_fingerprint: the first 8 bytes of SHA-256 of the event's public key), is the ticket Confer issued and
-- needs no Ed25519 verification (~0.7 ms of CPU). Anything else, a registration from before this table included,
-- is verified in full as before.
CREATE TABLE issued_ticket (
    registration_id uuid   PRIMARY KEY REFERENCES registration (id),
    key_fingerprint bigint NOT NULL,
    ticket          text   NOT NULL
);
