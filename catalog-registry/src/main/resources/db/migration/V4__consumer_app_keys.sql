-- Legacy consuming systems that cannot use OAuth2 sign their calls with an app key and secret instead.
-- The secret is stored encrypted (the hub's secret key); only its ciphertext is here.
alter table consumer_system add column app_key varchar(64);
alter table consumer_system add column app_secret_ciphertext text;
alter table consumer_system add column signature_algorithm varchar(16);
alter table consumer_system add constraint consumer_system_app_key_key unique (app_key);
