"""The sample world: fake sites on loopback for the demo and the tests."""
