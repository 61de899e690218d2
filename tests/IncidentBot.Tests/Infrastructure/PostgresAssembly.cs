using IncidentBot.Testing.Postgres;

// One PostgreSQL server for the host's tests; each test that runs on it makes a database of its own.
[assembly: AssemblyFixture(typeof(PostgresServer))]
