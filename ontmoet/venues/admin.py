from django.contrib import admin

from ontmoet.backoffice.admin_base import ScopedAdmin
from ontmoet.programme.selectors import filter_options_invalidate

from .models import (
    AccessibilityFeature,
    Branch,
    District,
    Neighbourhood,
    OpeningException,
    OpeningHours,
    Space,
)


class FilterOptionsAdmin(ScopedAdmin):
    def after_change(self, obj):
        super().after_change(obj)
        filter_options_invalidate()


@admin.register(District)
class DistrictAdmin(FilterOptionsAdmin):
    list_display = ["name", "population", "population_year"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Neighbourhood)
class NeighbourhoodAdmin(ScopedAdmin):
    list_display = ["name", "district", "population", "population_year"]
    list_filter = ["district"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(AccessibilityFeature)
class AccessibilityFeatureAdmin(FilterOptionsAdmin):
    list_display = ["name", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name"]}


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    extra = 0


class OpeningExceptionInline(admin.TabularInline):
    model = OpeningException
    extra = 0


class SpaceInline(admin.TabularInline):
    model = Space
    extra = 0
    fields = ["name", "kind", "capacity", "floor"]


@admin.register(Branch)
class BranchAdmin(FilterOptionsAdmin):
    list_display = ["name", "district", "address", "is_illustrative"]
    list_filter = ["district"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [OpeningHoursInline, OpeningExceptionInline, SpaceInline]
    filter_horizontal = ["accessibility_features"]


@admin.register(Space)
class SpaceAdmin(ScopedAdmin):
    list_display = ["name", "branch", "kind", "capacity"]
    list_filter = ["branch", "kind"]
    filter_horizontal = ["accessibility_features"]
