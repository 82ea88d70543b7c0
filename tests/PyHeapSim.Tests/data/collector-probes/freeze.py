# gc.freeze / gc.unfreeze / gc.get_freeze_count (relative: the interpreter's own objects are frozen too).
import gc

gc.disable()
gc.collect()
x = []
garbage = []; garbage.append(garbage)
gc.collect(0)
print("counts_before_freeze_nonzero:", gc.get_count() != (0, 0, 0))
before = gc.get_freeze_count()
gc.freeze()
frozen = gc.get_freeze_count() - before
print("counts_after_freeze:", gc.get_count())
print("x_in_get_objects:", any(o is x for o in gc.get_objects()))
print("x_tracked:", gc.is_tracked(x))
del garbage
print("collect_frozen_garbage:", gc.collect())
holder = [x]
print("frozen_referrer_seen:", any(r is holder for r in gc.get_referrers(x)))
gc.unfreeze()
print("freeze_count_after_unfreeze:", gc.get_freeze_count())
print("x_in_gen2:", any(o is x for o in gc.get_objects(2)))
print("collect_after_unfreeze:", gc.collect())
