"""touchpoint.unit_of_work: listeners' buffers flushed once, at the end of the outermost unit."""

import pytest

from touchpoint.unit_of_work import buffer, unit


def collect(flushed):
    return lambda items: flushed.append(list(items))


def test_outside_a_unit_there_is_no_buffer():
    assert buffer("k", print) is None


def test_the_outermost_unit_flushes_each_buffer_once_in_order():
    flushed = []
    with unit():
        buffer("k", collect(flushed)).append(1)
        with unit():
            buffer("k", collect(flushed)).extend([2, 3])
        assert flushed == []  # a nested unit does not flush
        buffer("k", collect(flushed)).append(4)
    assert flushed == [[1, 2, 3, 4]]
    assert buffer("k", print) is None


def test_a_unit_that_raises_flushes_nothing_and_ends():
    flushed = []
    with pytest.raises(ValueError), unit():
        buffer("k", collect(flushed)).append(1)
        raise ValueError
    assert flushed == [] and buffer("k", print) is None


def test_as_a_decorator():
    flushed = []

    @unit()
    def service():
        buffer("k", collect(flushed)).append("event")

    service()
    service()
    assert flushed == [["event"], ["event"]]
