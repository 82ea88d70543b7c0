# Lección 4.1: memoria dinámica en Python.
# Ejecútalo con:  dotnet run --project src/PyHeapSim.Cli -- run docs/examples/leccion_4_1.py
# o compáralo con el intérprete real:  python3 docs/examples/leccion_4_1.py
import gc
import sys

import numpy as np

print("== 1. Una lista y dos nombres ==")
a = [1, 2, 3]
print("referencias a la lista:", sys.getrefcount(a))
b = a
print("después de b = a:", sys.getrefcount(a))
a = None
print("después de a = None:", sys.getrefcount(b))
print("b sigue siendo", b)

print("== 2. La lista crece de a saltos ==")
datos = []
anterior = sys.getsizeof(datos)
print("lista vacía:", anterior, "bytes")
for i in range(20):
    datos.append(i)
    tam = sys.getsizeof(datos)
    if tam != anterior:
        print("con", len(datos), "elementos:", tam, "bytes")
        anterior = tam

print("== 3. Un diccionario que crece y no encoge ==")
persona = {}
print("vacío:", sys.getsizeof(persona))
for clave in ["nombre", "edad", "ciudad", "correo", "telefono", "pais"]:
    persona[clave] = None
    print("con", len(persona), "claves:", sys.getsizeof(persona))
del persona["correo"]
del persona["telefono"]
print("tras borrar dos claves:", sys.getsizeof(persona), "(no encoge)")

print("== 4. Atributos añadidos en tiempo de ejecución ==")
class Alumno:
    def __init__(self, nombre):
        self.nombre = nombre

alu = Alumno("Ana")
alu.nota = 9
alu.curso = "1º"
print("atributos:", sorted(alu.__dict__))
print("tamaño del objeto:", sys.getsizeof(alu))

print("== 5. Un arreglo de numpy reserva su búfer aparte ==")
arr = np.zeros(1000)
print("elementos:", arr.shape, "tipo:", arr.dtype, "bytes de datos:", arr.nbytes)

print("== 6. del borra el nombre, no el objeto ==")
x = [0] * 10
y = x
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
print("y todavía existe con", len(y), "elementos")

print("== 7. Un millón de elementos y el recolector ==")
gc.collect()
grande = [i for i in range(10 ** 6)]
print("lista grande:", sys.getsizeof(grande), "bytes")
del grande
print("objetos recolectados:", gc.collect())
print("fin de la lección")
