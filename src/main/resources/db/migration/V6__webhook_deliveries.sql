-- Provider webhook deliveries already accepted, so a repeated delivery is processed once.
CREATE TABLE webhook_deliveries (
    provider     text        NOT NULL,
    delivery_id  text        NOT NULL,
    received_at  timestamptz NOT NULL,
    PRIMARY KEY (provider, delivery_id)
);
