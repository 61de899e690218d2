using IncidentBot.Testing.Postgres;

// One PostgreSQL server for the whole test assembly; each test makes a database of its own on it.
[assembly: AssemblyFixture(typeof(PostgresServer))]
