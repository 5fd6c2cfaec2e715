package archfixtures.broken.adapter.rest;

import archfixtures.broken.BrokenApplication;

public class RestUsingApplicationClass {

    BrokenApplication application;
}
