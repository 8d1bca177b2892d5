"""Great-circle distance: known values and properties."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.geo.distance import EARTH_RADIUS_KM, haversine_km

lats = st.floats(min_value=-90, max_value=90, allow_nan=False)
lons = st.floats(min_value=-180, max_value=180, allow_nan=False)


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [
        ((55.7558, 37.6173), (59.9343, 30.3351), 634),  # Moscow - St Petersburg
        ((48.8566, 2.3522), (51.5074, -0.1278), 344),  # Paris - London
        ((0.0, 0.0), (0.0, 180.0), math.pi * EARTH_RADIUS_KM),  # half the equator
    ],
)
def test_known_distances_are_reproduced(
    a: tuple[float, float], b: tuple[float, float], km: float
) -> None:
    assert haversine_km(*a, *b) == pytest.approx(km, rel=0.01)


@given(lats, lons, lats, lons)
def test_distance_is_symmetric(lat1: float, lon1: float, lat2: float, lon2: float) -> None:
    assert haversine_km(lat1, lon1, lat2, lon2) == pytest.approx(
        haversine_km(lat2, lon2, lat1, lon1), abs=1e-6
    )


@given(lats, lons)
def test_distance_to_the_same_point_is_zero(lat: float, lon: float) -> None:
    assert haversine_km(lat, lon, lat, lon) == pytest.approx(0.0, abs=1e-6)


@given(lats, lons, lats, lons)
def test_distance_never_exceeds_half_the_circumference(
    lat1: float, lon1: float, lat2: float, lon2: float
) -> None:
    d = haversine_km(lat1, lon1, lat2, lon2)
    assert 0.0 <= d <= math.pi * EARTH_RADIUS_KM + 1e-6


@given(lats, lons)
def test_longitude_wraps_around(lat: float, lon: float) -> None:
    assert haversine_km(lat, lon, lat, lon + 360.0) == pytest.approx(0.0, abs=1e-3)
