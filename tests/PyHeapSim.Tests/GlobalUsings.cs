global using FluentAssertions;
global using NUnit.Framework;
global using PyHeapSim.Profiles;
global using PyHeapSim.Tests.Support;
