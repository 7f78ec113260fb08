"""The collector is paused while long-lived structures load, and what they made is frozen."""
import gc

from diplograph.gc_pause import YOUNG_THRESHOLD, collect_less, load_frozen, paused_gc


def test_paused_gc_restores_the_collectors_state():
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_load_frozen_freezes_what_it_built_before_the_collector_resumes():
    frozen_before = gc.get_freeze_count()
    try:
        built = load_frozen(lambda: [[k] for k in range(5000)])
        assert len(built) == 5000
        assert gc.isenabled()
        # every list it built left the collector's generations: no pass walks them again
        assert gc.get_freeze_count() >= frozen_before + 5000
    finally:
        gc.unfreeze()  # the test process keeps collecting normally


def test_collect_less_raises_only_the_young_generations_threshold():
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        collect_less()
        assert gc.get_threshold() == (YOUNG_THRESHOLD, 10, 10)
        gc.set_threshold(YOUNG_THRESHOLD * 2, 5, 5)
        collect_less()  # never lowers a higher one
        assert gc.get_threshold() == (YOUNG_THRESHOLD * 2, 5, 5)
    finally:
        gc.set_threshold(*before)
